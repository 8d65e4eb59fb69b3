import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../context.js';
import { badRequest, notFound } from '../http/errors.js';
import { newObjectId } from '../model/ids.js';
import {
  activeLabelExists,
  ensureCustomFieldsTable,
  getField,
  insertField,
  listFields,
  markFieldDeleted,
  nameExists,
  toDef,
  updateField,
  type StoredField,
} from '../store/custom-fields-repo.js';
import { validateFieldCreate, validateFieldUpdate, type BodyValidation } from '../../../shared/custom-metadata/validate.js';
import type { CustomMetadataFieldDef } from '../../../shared/custom-metadata/types.js';

/** ImageKit's messages (SPEC `create-new-field`, `update-existing-field`, `delete-a-field`). */
const MESSAGES = {
  nameTaken: 'A custom metadata field with this name already exists.',
  labelTaken: 'A custom metadata field with this label already exists.',
  notFound: 'No such custom metadata field exists.',
  deleted: 'Cannot update a deleted custom metadata fields.',
  invalidId: 'Your request contains invalid ID parameter.',
} as const;

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** `/v1/customMetadataFields` CRUD. */
export const customMetadataFieldRoutes: RouteModule = (app, ctx) => {
  ensureCustomFieldsTable(ctx.db);

  app.post('/v1/customMetadataFields', async (request, reply) => {
    const input = unwrap(validateFieldCreate(request.body));
    if (nameExists(ctx.db, input.name)) throw badRequest(MESSAGES.nameTaken);
    if (activeLabelExists(ctx.db, input.label)) throw badRequest(MESSAGES.labelTaken);
    const field: CustomMetadataFieldDef = { id: newObjectId(), ...input };
    insertField(ctx.db, field);
    return reply.code(201).send(toDef(field));
  });

  app.get('/v1/customMetadataFields', async (request) => {
    const query = request.query as Record<string, unknown>;
    return listFields(ctx.db, parseBoolean(query.includeDeleted, 'includeDeleted')).map(toDef);
  });

  app.patch('/v1/customMetadataFields/:id', async (request) => {
    const existing = requireField(request);
    if (existing.deleted) throw badRequest(MESSAGES.deleted);
    const input = unwrap(validateFieldUpdate(request.body, existing.schema.type));
    if (input.label !== undefined && activeLabelExists(ctx.db, input.label, existing.id)) throw badRequest(MESSAGES.labelTaken);
    const updated: CustomMetadataFieldDef = {
      ...toDef(existing),
      ...(input.label !== undefined && { label: input.label }),
      ...(input.schema !== undefined && { schema: input.schema }),
      ...(input.description !== undefined && { description: input.description }),
    };
    updateField(ctx.db, updated);
    return toDef(updated);
  });

  app.delete('/v1/customMetadataFields/:id', async (request, reply) => {
    const existing = requireField(request);
    if (existing.deleted) throw notFound(MESSAGES.notFound);
    markFieldDeleted(ctx.db, existing.id);
    return reply.code(204).send();
  });

  function requireField(request: FastifyRequest): StoredField {
    const { id } = request.params as { id: string };
    if (!OBJECT_ID.test(id)) throw badRequest(MESSAGES.invalidId);
    const field = getField(ctx.db, id);
    if (!field) throw notFound(MESSAGES.notFound);
    return field;
  }
};

function unwrap<T>(result: BodyValidation<T>): T {
  if (result.ok) return result.value;
  throw badRequest(result.message, result.errors ? { errors: result.errors } : undefined);
}

/** Query booleans arrive as strings; anything but true/false is a clear 400, not a silent default. */
function parseBoolean(value: unknown, name: string): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest(`Your request contains invalid ${name} parameter. It must be true or false.`);
}
