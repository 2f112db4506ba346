import { attachmentContracts } from '../../shared/api/attachment.contract.js';
import { ATTACHMENT_FORM_FIELD, type TAttachment } from '../../shared/api/attachment.schema.js';
import { ApiError } from './api-error.js';
import { api, contractUrl, parseResponse } from './http.js';

function errorOf(xhr: XMLHttpRequest): ApiError {
  if (xhr.status === 0) return new ApiError(0, 'network', '', null, undefined, undefined);
  try {
    const { error } = JSON.parse(xhr.responseText) as {
      error?: { code?: unknown; message?: unknown; requestId?: unknown; field?: unknown };
    };
    if (error && typeof error.code === 'string') {
      return new ApiError(
        xhr.status,
        error.code,
        typeof error.message === 'string' ? error.message : '',
        typeof error.requestId === 'string' ? error.requestId : null,
        typeof error.field === 'string' ? error.field : undefined,
        undefined,
      );
    }
  } catch {
    // Not our JSON (a proxy's page): described by its status below.
  }
  return new ApiError(xhr.status, xhr.status >= 500 ? 'internal' : 'unknown', '', null, undefined, undefined);
}

/**
 * Uploads one file as multipart form data. XMLHttpRequest rather than fetch, because only it
 * reports upload progress; `onProgress` gets the share sent, from 0 to 1.
 */
function upload(
  schoolId: string,
  file: File,
  onProgress: (share: number) => void,
  signal?: AbortSignal,
): Promise<TAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(attachmentContracts.upload.method, contractUrl(attachmentContracts.upload, { params: { schoolId } }));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status !== attachmentContracts.upload.status) return reject(errorOf(xhr));
      try {
        resolve(parseResponse(attachmentContracts.upload, JSON.parse(xhr.responseText), xhr.status, null));
      } catch (error) {
        reject(
          error instanceof ApiError
            ? error
            : new ApiError(xhr.status, 'unexpected_response', '', null, undefined, undefined),
        );
      }
    };
    xhr.onerror = () => reject(errorOf(xhr));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append(ATTACHMENT_FORM_FIELD, file, file.name);
    xhr.send(form);
  });
}

export const attachmentsApi = {
  upload,
  remove: (attachmentId: string) => api(attachmentContracts.remove, { params: { attachmentId } }),
  /** Where a browser downloads it (a plain link: the server answers as a file download). */
  downloadUrl: (attachmentId: string) => contractUrl(attachmentContracts.download, { params: { attachmentId } }),
};
