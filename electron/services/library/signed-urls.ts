import type { SignedUrlRequest } from '../../../shared/ipc/areas/library';
import { AppError } from '../../../shared/ipc/index';
import type { ProfileSession } from '../sessions/profile-sessions';
import { UrlSigningError } from '../url-building/sdk-url-builder';
import { createUrlService } from '../url-building/url-service';

/** Signed preview URLs live at least this long… */
export const SIGNED_URL_MIN_TTL_S = 3600;
/**
 * …and expire on a grid of this step, so every tile asking within one step gets the very same URL
 * and the browser's and the CDN's caches keep working across re-renders and re-signing.
 */
export const SIGNED_URL_GRID_S = 1800;

export interface SignedUrls {
  items: (SignedUrlRequest & { url: string })[];
  expiresAt: string;
}

/** Where the grid puts the expiry of a URL signed now. */
export function signedExpiry(nowSeconds: number): number {
  return Math.ceil((nowSeconds + SIGNED_URL_MIN_TTL_S) / SIGNED_URL_GRID_S) * SIGNED_URL_GRID_S;
}

/** The ik-t a signed URL carries. */
const expiryOf = (url: string) => Number(new URL(url).searchParams.get('ik-t'));

/**
 * Signs delivery URLs of a profile's files (private files cannot be previewed otherwise) through the
 * SDK-backed URL service with the key the call's session already holds: only URLs come back.
 */
export function createSignedUrlSigner() {
  // The SDK counts expiresIn from Date.now(), so the grid must use the same clock.
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  return async function sign(session: Pick<ProfileSession, 'id' | 'connection'>, requests: readonly SignedUrlRequest[]): Promise<SignedUrls> {
    const { urlEndpoint, privateKey } = session.connection;
    const urls = createUrlService({ privateKeyFor: async () => privateKey || undefined });
    const expiry = signedExpiry(nowSeconds());
    const items: SignedUrls['items'] = [];
    for (const request of requests) {
      // The SDK adds expiresIn to its own reading of the clock, after an await; when a second ticks in
      // between, the URL comes out a second off the grid (and differs from its neighbours'), so it is
      // built again with expiresIn counted anew.
      const build = () =>
        urls.build(session.id, {
          urlEndpoint,
          src: request.filePath,
          transformation: request.transformation ? [{ raw: request.transformation }] : undefined,
          queryParameters: request.versionId ? { 'ik-obj-version': request.versionId } : undefined,
          expiresIn: Math.max(1, expiry - nowSeconds()),
        });
      try {
        let url = await build();
        for (let attempt = 1; attempt < 3 && expiryOf(url) !== expiry; attempt++) url = await build();
        items.push({ ...request, url });
      } catch (error) {
        if (error instanceof UrlSigningError) throw new AppError('BAD_INPUT', `Could not sign a preview URL: ${error.message}`);
        throw error;
      }
    }
    return { items, expiresAt: new Date(expiry * 1000).toISOString() };
  };
}
