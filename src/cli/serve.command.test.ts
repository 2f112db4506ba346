import { describe, expect, it } from 'vitest';
import { startLine } from './serve.command.js';

describe("serve's start line", () => {
  const at = (port: number) => ({ address: '0.0.0.0', family: 'IPv4', port });

  it('names localhost and the port the server got when it listens on this machine or every interface', () => {
    expect(startLine('0.0.0.0', at(3000))).toBe('Samspil runs at http://localhost:3000');
    expect(startLine('::', at(41234))).toBe('Samspil runs at http://localhost:41234');
    expect(startLine('127.0.0.1', at(8080))).toBe('Samspil runs at http://localhost:8080');
  });

  it('names the one address it listens on otherwise', () => {
    expect(startLine('192.168.1.5', at(3000))).toBe('Samspil runs at http://192.168.1.5:3000');
    expect(startLine('fd00::5', at(3000))).toBe('Samspil runs at http://[fd00::5]:3000');
  });
});
