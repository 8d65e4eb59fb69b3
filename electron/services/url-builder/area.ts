// The urls feature area: the URL builder's channels, each on the session of the profile it names.
import type { FeatureAreaFactory } from '../app/feature-area';
import { createBuilderService } from './builder-service';
import { listNamedTransformations, namedLookup } from './named-transformations';
import { createPresetStore } from './preset-store';
import type { NamedTransformationList } from '../../../shared/domain/urls';
import type { ProfileSession } from '../sessions/profile-sessions';
import { withSessions } from '../sessions/session-handlers';
import { abortSignalOf } from '../app/call-signal';
import { fetchStreamPart } from './stream-part';

/** How long a named-transformation list is trusted for the before-request check. */
const NAMED_TTL_MS = 60_000;

export const createUrlsArea: FeatureAreaFactory = (core) => {
  const presets = createPresetStore(core.dataDir);
  const namedCache = new Map<string, { at: number; list: Promise<NamedTransformationList> }>();

  function namedList({ id, client }: ProfileSession, fresh = false): Promise<NamedTransformationList> {
    const cached = namedCache.get(id);
    if (!fresh && cached && Date.now() - cached.at < NAMED_TTL_MS) return cached.list;
    const list = listNamedTransformations(client);
    namedCache.set(id, { at: Date.now(), list });
    list.catch(() => namedCache.delete(id));
    return list;
  }

  const builder = createBuilderService({
    // The check must never fail a build: without a list, `n-` names are simply not checked.
    namedFor: (session) => namedList(session).then(namedLookup, () => undefined),
  });
  const profileOf = (input: { profileId?: string }) => core.sessions.idOf(input.profileId);

  return {
    handlers: {
      ...withSessions(core.sessions, {
        'urls.build': (session, input) => builder.build(session, input.draft),
        'urls.preview': (session, input, call) => builder.preview(session, input.draft, abortSignalOf(call)),
        'urls.checkSigned': (session, input, call) => builder.checkSigned(session, input.url, abortSignalOf(call)),
        'urls.streamPart': (session, input, call) => fetchStreamPart(input, session.connection.urlEndpoint, { signal: abortSignalOf(call) }),
        'urls.parse': (session, input) => builder.parse(session, input.url),
        'urls.responsive': (session, input) => builder.responsive(session, input.draft, { widths: input.widths, formats: input.formats }),
        'urls.namedTransformations': (session) => namedList(session, true),
        // Resolving the session is what answers NOT_FOUND for a profile that does not exist.
        'urls.presets.save': (session, input) => presets.save(session.id, input.name, input.options),
      }),
      // Presets are files of this app: listing and deleting them needs no key.
      'urls.presets.list': (input) => presets.list(profileOf(input)),
      'urls.presets.delete': async (input) => {
        await presets.delete(profileOf(input), input.id);
        return { id: input.id };
      },
    },
  };
};
