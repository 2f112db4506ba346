import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * Where tests put their databases' folders: /dev/shm (memory) where the machine has it, so
 * copying a template and PGlite's writes cost no disk, else the system's temporary folder.
 */
export function scratchDirectory(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}
