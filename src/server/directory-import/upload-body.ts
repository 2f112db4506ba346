import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** Content types whose body is handed to the handler as the raw bytes of an uploaded file. */
export const UPLOAD_CONTENT_TYPES = ['text/csv', 'application/octet-stream'];

const MIB = 1024 * 1024;

/**
 * Reads an uploaded file into a Buffer, stopping at the route's `bodyLimit`. It answers an
 * oversized upload with the translated `import_too_large` (naming the limit) instead of
 * Fastify's generic error, and does so before reading the rest when Content-Length already says so.
 */
export function parseUploadBody(
  request: FastifyRequest,
  payload: NodeJS.ReadableStream,
  done: (error: Error | null, body?: Buffer) => void,
): void {
  const limit = request.routeOptions.bodyLimit ?? MIB;
  const tooLarge = () => new AppError('import_too_large', { params: { maxMb: Math.round(limit / MIB) } });
  if (Number(request.headers['content-length']) > limit) {
    done(tooLarge());
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  const stop = () => {
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onError);
  };
  function onData(chunk: Buffer | string) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    received += buffer.length;
    if (received > limit) {
      stop();
      done(tooLarge());
      return;
    }
    chunks.push(buffer);
  }
  function onEnd() {
    stop();
    done(null, Buffer.concat(chunks, received));
  }
  function onError(error: Error) {
    stop();
    done(error);
  }
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onError);
  payload.resume();
}
