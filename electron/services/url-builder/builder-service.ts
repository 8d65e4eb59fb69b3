// The URL builder's main-side work for one profile: build (and sign) through the SDK-backed URL service,
// check the transformation before anything is requested, then request it for the preview or the
// signed-URL check. The private key is read here and never returned.
import { ZodError } from 'zod';
import { AppError } from '../../../shared/ipc/index';
import { describeIssues } from '../../../shared/ipc/describe-issues';
import type { BuiltUrl, ParsedUrlView, ResponsiveCandidate, SignedUrlCheck, UrlDraft, UrlPreview, UrlProblem } from '../../../shared/domain/urls';
import { describeUrlProblems } from '../../../shared/url/build-options-schema';
import { ImageKitUrlError, toBuildOptions } from '../../../shared/url/parse-imagekit-url';
import { inferUrlEndpoint } from '../../../shared/url/foreign-endpoint';
import type { BuildUrlOptions } from '../../../shared/url/url-types';
import { createUrlService } from '../url-building/url-service';
import { buildTransformationString, UrlSigningError } from '../url-building/sdk-url-builder';
import type { ResponsiveRequest } from '../url-building/responsive-urls';
import type { ProfileSession } from '../sessions/profile-sessions';
import { checkTransformation } from './transformation-check';
import { BROWSER_MEDIA_ACCEPT, probeUrl, type ProbeOptions } from './url-probe';
import { isVideoPath, splitVideoSrc } from '../../../shared/transformations/video-urls';
import { judgeSignedUrl } from './signed-check';
import { errorMessage } from '../../../shared/error-message';

export interface BuilderDeps {
  /** The account's named transformations when known (see namedLookup). */
  namedFor?(session: ProfileSession): Promise<ReadonlyMap<string, string> | undefined>;
  probe?: ProbeOptions;
  nowSeconds?: () => number;
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** URL-level problems (no src, no key for signing) in the same shape as parameter problems. */
function urlProblems(options: BuildUrlOptions, hasPrivateKey: boolean): UrlProblem[] {
  return describeUrlProblems(options, hasPrivateKey).map((message) => ({
    param: /sign/i.test(message) ? 'signed' : /expiry/i.test(message) ? 'expiresIn' : 'src',
    message,
  }));
}

function rethrow(error: unknown, action: string): never {
  if (error instanceof AppError) throw error;
  if (error instanceof ZodError) throw new AppError('BAD_INPUT', describeIssues(error));
  if (error instanceof UrlSigningError || error instanceof ImageKitUrlError) throw new AppError('BAD_INPUT', error.message);
  throw new AppError('INTERNAL', `Could not ${action}: ${errorMessage(error)}`);
}

export function createBuilderService(deps: BuilderDeps) {
  const nowSeconds = deps.nowSeconds ?? nowInSeconds;
  // The session holds the key already: signing never goes back to the keychain.
  const urlsFor = (session: ProfileSession) => createUrlService({ privateKeyFor: async () => session.connection.privateKey || undefined });
  const optionsFor = (session: ProfileSession, draft: UrlDraft): BuildUrlOptions => ({ ...(draft as BuildUrlOptions), urlEndpoint: session.connection.urlEndpoint });

  async function build(session: ProfileSession, draft: UrlDraft): Promise<BuiltUrl> {
    const options = optionsFor(session, draft);
    try {
      const steps = options.transformation ?? [];
      const tr = buildTransformationString(steps);
      const check = checkTransformation(tr, { named: await deps.namedFor?.(session) });
      const problems = [...urlProblems(options, !!session.connection.privateKey), ...check.problems];
      const blocking = problems.some((p) => p.step === undefined);
      const url = blocking ? '' : await urlsFor(session).build(session.id, options);
      return { url, transformation: tr, problems, approximated: check.approximated };
    } catch (error) {
      rethrow(error, 'build the URL');
    }
  }

  async function requestUrl(session: ProfileSession, url: string, signal: AbortSignal | undefined, media = false) {
    const { urlEndpoint } = session.connection;
    // Only this profile's delivery host is requested: the renderer cannot use the main side to fetch anything else.
    if (new URL(url).origin !== new URL(urlEndpoint).origin) {
      throw new AppError('BAD_INPUT', `url: Only URLs under this profile's endpoint (${urlEndpoint}) can be checked here.`);
    }
    try {
      return await probeUrl(url, { ...deps.probe, signal, ...(media ? { media, accept: BROWSER_MEDIA_ACCEPT } : {}) });
    } catch (error) {
      if (signal?.aborted) throw error; // the router answers CANCELLED
      const why = error instanceof Error && error.name === 'TimeoutError' ? 'it did not answer in time' : errorMessage(error);
      throw new AppError('UNREACHABLE', `Could not request the URL: ${why}.`);
    }
  }

  return {
    build,

    async preview(session: ProfileSession, draft: UrlDraft, signal?: AbortSignal): Promise<UrlPreview> {
      const built = await build(session, draft);
      const original = await build(session, { ...draft, transformation: [], queryParameters: undefined });
      // A video or its stream is requested as the <video> (or a player) will; its thumbnail is an image.
      const derived = splitVideoSrc(draft.src ?? '');
      const media = derived ? derived.output !== 'thumbnail' : isVideoPath(draft.src ?? '') || /\/ik-video\.mp4$/.test(draft.src ?? '');
      const probe = built.problems.length === 0 && built.url ? await requestUrl(session, built.url, signal, media) : null;
      return { built, originalUrl: original.url, probe };
    },

    async checkSigned(session: ProfileSession, url: string, signal?: AbortSignal): Promise<SignedUrlCheck> {
      if (!URL.canParse(url)) throw new AppError('BAD_INPUT', 'url: That is not a URL.');
      return judgeSignedUrl(await requestUrl(session, url, signal), nowSeconds());
    },

    async parse(session: ProfileSession, pasted: string): Promise<ParsedUrlView> {
      const { urlEndpoint } = session.connection;
      const urls = urlsFor(session);
      try {
        let parsed = urls.parse(pasted, urlEndpoint);
        // A URL of another endpoint (another account's ik.imagekit.io/<id>, a custom domain) is read
        // against that endpoint, so its steps and path fill the builder instead of one absolute src.
        const foreign = parsed.underEndpoint ? undefined : inferUrlEndpoint(pasted);
        if (foreign) parsed = urls.parse(pasted, foreign);
        const now = nowSeconds();
        const options = toBuildOptions(parsed, now);
        const expiresAt = parsed.signature?.expiresAt;
        const expired = expiresAt !== undefined && expiresAt <= now;
        const sameEndpoint = await urls.build(session.id, options);
        const rebuiltUrl = foreign ? await urls.build(session.id, { ...options, urlEndpoint }) : sameEndpoint;
        if (foreign && parsed.signed) parsed.warnings.push('It was signed for another endpoint; the builder signs it again with this profile’s key.');
        return {
          draft: {
            src: options.src,
            transformation: options.transformation ?? [],
            transformationPosition: options.transformationPosition ?? 'query',
            queryParameters: options.queryParameters ?? {},
            signed: options.signed ?? false,
            ...(options.expiresIn !== undefined ? { expiresIn: options.expiresIn } : {}),
          },
          underEndpoint: parsed.underEndpoint && !foreign,
          ...(foreign ? { pastedEndpoint: foreign } : {}),
          ...(expiresAt !== undefined ? { expiresAt } : {}),
          expired,
          warnings: parsed.warnings,
          rebuiltUrl,
          exact: sameEndpoint === pasted.trim(),
        };
      } catch (error) {
        rethrow(error, 'read that URL');
      }
    },

    async responsive(session: ProfileSession, draft: UrlDraft, request: ResponsiveRequest): Promise<ResponsiveCandidate[]> {
      const options = optionsFor(session, draft);
      try {
        return await urlsFor(session).responsive(session.id, options, request);
      } catch (error) {
        rethrow(error, 'build the responsive URLs');
      }
    },
  };
}
