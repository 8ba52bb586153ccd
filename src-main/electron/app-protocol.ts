// The app:// protocol handler as a plain function (no electron import), so it is tested in Node:
// files of the built renderer folder with the renderer's CSP, and a status for anything else.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_CSP } from '../../src-shared/api/csp';
import { rendererRequest } from './security';

const STATUS_TEXT = { 400: 'Bad request', 404: 'Not found' } as const;

/** `fetchFile` reads a file:// URL (Electron's net.fetch in the app). */
export function appProtocolHandler(
  rendererDir: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): (request: { url: string }) => Promise<Response> {
  return async (request) => {
    const target = rendererRequest(request.url);
    if ('status' in target) return new Response(STATUS_TEXT[target.status], { status: target.status });
    let res: Response;
    try {
      res = await fetchFile(pathToFileURL(join(rendererDir, target.file)).toString());
    } catch {
      // net.fetch rejects for a file that does not exist.
      return new Response(STATUS_TEXT[404], { status: 404 });
    }
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', RENDERER_CSP);
    return new Response(res.body, { status: res.status, headers });
  };
}
