// The URL builder's main-side work for one profile: build (and sign) through F's SDK-backed URL service,
// check the transformation before anything is requested, then request it for the preview or the
// signed-URL check. The private key is read here and never returned.
import { ZodError } from 'zod';
import { AppError } from '../../../shared/ipc/index';
import { describeIssues } from '../../../shared/ipc/describe-issues';
import type { BuiltUrl, ParsedUrlView, ResponsiveCandidate, SignedUrlCheck, UrlDraft, UrlPreview, UrlProblem } from '../../../shared/domain/urls';
import { describeUrlProblems } from '../../../shared/url/build-options-schema';
import { ImageKitUrlError, toBuildOptions } from '../../../shared/url/parse-imagekit-url';
import type { BuildUrlOptions } from '../../../shared/url/url-types';
import { createUrlService } from '../url/url-service';
import { buildTransformationString, UrlSigningError } from '../url/sdk-url-builder';
import type { ResponsiveRequest } from '../url/responsive-urls';
import type { ProfileConnection } from '../profiles/profile-service';
import { checkTransformation } from './transformation-check';
import { probeUrl, type ProbeOptions } from './url-probe';
import { judgeSignedUrl } from './signed-check';

export interface BuilderDeps {
  connectionOf(profileId: string): Promise<ProfileConnection>;
  /** The account's named transformations when known (see namedLookup). */
  namedFor?(profileId: string): Promise<ReadonlyMap<string, string> | undefined>;
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
  throw new AppError('INTERNAL', `Could not ${action}: ${error instanceof Error ? error.message : String(error)}`);
}

export function createBuilderService(deps: BuilderDeps) {
  const nowSeconds = deps.nowSeconds ?? nowInSeconds;
  const urls = createUrlService({ privateKeyFor: async (id) => (await deps.connectionOf(id)).privateKey || undefined });

  async function optionsFor(profileId: string, draft: UrlDraft): Promise<{ options: BuildUrlOptions; connection: ProfileConnection }> {
    const connection = await deps.connectionOf(profileId);
    return { connection, options: { ...(draft as BuildUrlOptions), urlEndpoint: connection.urlEndpoint } };
  }

  async function build(profileId: string, draft: UrlDraft): Promise<BuiltUrl> {
    const { options, connection } = await optionsFor(profileId, draft);
    try {
      const steps = options.transformation ?? [];
      const tr = buildTransformationString(steps);
      const check = checkTransformation(tr, { named: await deps.namedFor?.(profileId) });
      const problems = [...urlProblems(options, !!connection.privateKey), ...check.problems];
      const blocking = problems.some((p) => p.step === undefined);
      const url = blocking ? '' : await urls.build(profileId, options);
      return { url, transformation: tr, problems, approximated: check.approximated };
    } catch (error) {
      rethrow(error, 'build the URL');
    }
  }

  async function requestUrl(profileId: string, url: string) {
    const { urlEndpoint } = await deps.connectionOf(profileId);
    // Only this profile's delivery host is requested: the renderer cannot use the main side to fetch anything else.
    if (new URL(url).origin !== new URL(urlEndpoint).origin) {
      throw new AppError('BAD_INPUT', `url: Only URLs under this profile's endpoint (${urlEndpoint}) can be checked here.`);
    }
    try {
      return await probeUrl(url, deps.probe);
    } catch (error) {
      const why = error instanceof Error && error.name === 'TimeoutError' ? 'it did not answer in time' : error instanceof Error ? error.message : String(error);
      throw new AppError('UNREACHABLE', `Could not request the URL: ${why}.`);
    }
  }

  return {
    build,

    async preview(profileId: string, draft: UrlDraft): Promise<UrlPreview> {
      const built = await build(profileId, draft);
      const original = await build(profileId, { ...draft, transformation: [], queryParameters: undefined });
      const probe = built.problems.length === 0 && built.url ? await requestUrl(profileId, built.url) : null;
      return { built, originalUrl: original.url, probe };
    },

    async checkSigned(profileId: string, url: string): Promise<SignedUrlCheck> {
      if (!URL.canParse(url)) throw new AppError('BAD_INPUT', 'url: That is not a URL.');
      return judgeSignedUrl(await requestUrl(profileId, url), nowSeconds());
    },

    async parse(profileId: string, pasted: string): Promise<ParsedUrlView> {
      const { urlEndpoint } = await deps.connectionOf(profileId);
      try {
        const parsed = urls.parse(pasted, urlEndpoint);
        const now = nowSeconds();
        const options = toBuildOptions(parsed, now);
        const expiresAt = parsed.signature?.expiresAt;
        const expired = expiresAt !== undefined && expiresAt <= now;
        const rebuiltUrl = await urls.build(profileId, options);
        return {
          draft: {
            src: options.src,
            transformation: options.transformation ?? [],
            transformationPosition: options.transformationPosition ?? 'query',
            queryParameters: options.queryParameters ?? {},
            signed: options.signed ?? false,
            ...(options.expiresIn !== undefined ? { expiresIn: options.expiresIn } : {}),
          },
          underEndpoint: parsed.underEndpoint,
          ...(expiresAt !== undefined ? { expiresAt } : {}),
          expired,
          warnings: parsed.warnings,
          rebuiltUrl,
          exact: rebuiltUrl === pasted.trim(),
        };
      } catch (error) {
        rethrow(error, 'read that URL');
      }
    },

    async responsive(profileId: string, draft: UrlDraft, request: ResponsiveRequest): Promise<ResponsiveCandidate[]> {
      const { options } = await optionsFor(profileId, draft);
      try {
        return await urls.responsive(profileId, options, request);
      } catch (error) {
        rethrow(error, 'build the responsive URLs');
      }
    },
  };
}

export type BuilderService = ReturnType<typeof createBuilderService>;
