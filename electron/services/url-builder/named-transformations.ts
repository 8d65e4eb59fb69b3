// Named transformations for the picker: the account's own (SDK `namedTransformations.list`) plus the
// built-in names every ImageKit account has. An account or library without the listing API gets the
// built-ins and a note, not an error: the builder still works, names are typed by hand.
import type ImageKit from '@imagekit/nodejs';
import { APIError } from '@imagekit/nodejs';
import { BUILT_IN_NAMED_TRANSFORMATIONS } from '../../../shared/transformations/index';
import type { NamedTransformationList, NamedTransformationView } from '../../../shared/domain/urls';
import { toAppError } from '../imagekit/to-app-error';

const builtIns = (): NamedTransformationView[] =>
  Object.entries(BUILT_IN_NAMED_TRANSFORMATIONS).map(([name, transformation]) => ({ name, transformation, source: 'built-in' }));

export async function listNamedTransformations(client: ImageKit): Promise<NamedTransformationList> {
  let listed;
  try {
    listed = await client.namedTransformations.list({ maxRetries: 0 });
  } catch (error) {
    if (error instanceof APIError && (error.status === 404 || error.status === 405 || error.status === 501)) {
      return { items: builtIns(), note: 'This library does not list named transformations; only the built-in ones are shown.' };
    }
    throw toAppError(error, 'list the named transformations');
  }
  const own: NamedTransformationView[] = listed
    .filter((item) => item.enabled !== false)
    .map((item) => ({ name: item.name, transformation: item.transformation, source: 'account' }));
  const ownNames = new Set(own.map((item) => item.name));
  return { items: [...own, ...builtIns().filter((item) => !ownNames.has(item.name))] };
}

/** name → transformation, for checking `n-<name>` before a request; undefined when the list is incomplete. */
export function namedLookup(list: NamedTransformationList): ReadonlyMap<string, string> | undefined {
  return list.note ? undefined : new Map(list.items.map((item) => [item.name, item.transformation]));
}
