// The urls feature area (issue 8): the URL builder's channels, wired to the profile's keys and client.
import type { FeatureAreaFactory } from '../app/feature-area';
import { createBuilderService } from './builder-service';
import { listNamedTransformations, namedLookup } from './named-transformations';
import { createPresetStore } from './preset-store';
import type { NamedTransformationList } from '../../../shared/domain/urls';

/** How long a named-transformation list is trusted for the before-request check. */
const NAMED_TTL_MS = 60_000;

export const createUrlsArea: FeatureAreaFactory = (core) => {
  const presets = createPresetStore(core.dataDir);
  const namedCache = new Map<string, { at: number; list: Promise<NamedTransformationList> }>();

  function namedList(profileId: string, fresh = false): Promise<NamedTransformationList> {
    const cached = namedCache.get(profileId);
    if (!fresh && cached && Date.now() - cached.at < NAMED_TTL_MS) return cached.list;
    const list = core.clients.forProfile(profileId).then(listNamedTransformations);
    namedCache.set(profileId, { at: Date.now(), list });
    list.catch(() => namedCache.delete(profileId));
    return list;
  }

  const builder = createBuilderService({
    connectionOf: (id) => core.profiles.connectionOf(id),
    // The check must never fail a build: without a list, `n-` names are simply not checked.
    namedFor: (id) => namedList(id).then(namedLookup, () => undefined),
  });
  const profileOf = (input: { profileId?: string }) => input.profileId ?? core.profiles.activeId();

  return {
    handlers: {
      'urls.build': (input) => builder.build(profileOf(input), input.draft),
      'urls.preview': (input) => builder.preview(profileOf(input), input.draft),
      'urls.checkSigned': (input) => builder.checkSigned(profileOf(input), input.url),
      'urls.parse': (input) => builder.parse(profileOf(input), input.url),
      'urls.responsive': (input) => builder.responsive(profileOf(input), input.draft, { widths: input.widths, formats: input.formats }),
      'urls.namedTransformations': (input) => namedList(profileOf(input), true),
      'urls.presets.list': (input) => presets.list(profileOf(input)),
      'urls.presets.save': async (input) => {
        const profileId = profileOf(input);
        await core.profiles.get(profileId); // NOT_FOUND for a profile that does not exist
        return presets.save(profileId, input.name, input.options);
      },
      'urls.presets.delete': async (input) => {
        await presets.delete(profileOf(input), input.id);
        return { id: input.id };
      },
    },
  };
};
