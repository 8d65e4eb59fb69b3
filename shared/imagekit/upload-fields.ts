/** ImageKit's upload `responseFields` values (OpenAPI `FileUploadV1.responseFields`): one list for the emulator and the app. */
export const RESPONSE_FIELDS = [
  'tags',
  'customCoordinates',
  'isPrivateFile',
  'embeddedMetadata',
  'isPublished',
  'customMetadata',
  'metadata',
  'selectedFieldsSchema',
] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];
