import type { ImageKit } from '@imagekit/nodejs';
import type { CustomMetadataFieldDef } from '../../../shared/custom-metadata/validate';
import { toAppError } from '../imagekit/to-app-error';

/** The account's active custom metadata fields (they drive the form and the check before sending). */
export async function listMetadataFields(client: ImageKit): Promise<CustomMetadataFieldDef[]> {
  try {
    const fields = await client.customMetadataFields.list();
    return fields.map((f) => ({
      id: f.id,
      name: f.name,
      label: f.label,
      schema: f.schema as CustomMetadataFieldDef['schema'],
      ...(f.description ? { description: f.description } : {}),
    }));
  } catch (error) {
    throw toAppError(error, 'load the custom metadata fields');
  }
}
