// The URL service the IPC layer exposes to the builder: the renderer names a profile, the service looks
// up that profile's private key itself and returns only URLs and signatures — never the key.
import { parseBuildUrlOptions } from '../../../shared/url/build-options-schema.js';
import { parseImageKitUrl } from '../../../shared/url/parse-imagekit-url.js';
import type { ParsedImageKitUrl } from '../../../shared/url/url-types.js';
import { buildResponsiveUrls, type ResponsiveCandidate, type ResponsiveRequest } from './responsive-urls.js';
import { buildUrl, getUploadAuthParameters, type UploadAuthParameters, type UrlFlavor } from './sdk-url-builder.js';

export interface UrlServiceDeps {
  /** The profile's private key from the keychain/session store; undefined when it has none. */
  privateKeyFor(profileId: string): Promise<string | undefined>;
}

export interface UrlService {
  /** `options` is untrusted renderer input: validated here, then built (and signed) by the SDK. */
  /** `flavor` picks whose URL rules to follow (see UrlFlavor); the app's own URLs use the default. */
  build(profileId: string, options: unknown, flavor?: UrlFlavor): Promise<string>;
  /** One URL per width × format for srcset / <picture>, signed like `build` when the options ask for it. */
  responsive(profileId: string, options: unknown, request: ResponsiveRequest): Promise<ResponsiveCandidate[]>;
  parse(url: string, urlEndpoint: string): ParsedImageKitUrl;
  uploadAuth(profileId: string, token?: string, expire?: number): Promise<UploadAuthParameters>;
}

export function createUrlService(deps: UrlServiceDeps): UrlService {
  async function checkedWithKey(profileId: string, options: unknown) {
    const checked = parseBuildUrlOptions(options);
    const signs = checked.signed === true || (checked.expiresIn ?? 0) > 0;
    // Unsigned URLs never touch the key store (it may prompt or be locked).
    const privateKey = signs ? await deps.privateKeyFor(profileId) : undefined;
    return { checked, privateKey };
  }

  return {
    async build(profileId, options, flavor = 'nodejs') {
      const { checked, privateKey } = await checkedWithKey(profileId, options);
      return buildUrl(checked, privateKey, flavor);
    },
    async responsive(profileId, options, request) {
      const { checked, privateKey } = await checkedWithKey(profileId, options);
      return buildResponsiveUrls(checked, request, privateKey);
    },
    parse: parseImageKitUrl,
    async uploadAuth(profileId, token, expire) {
      const privateKey = await deps.privateKeyFor(profileId);
      return getUploadAuthParameters(privateKey ?? '', token, expire);
    },
  };
}
