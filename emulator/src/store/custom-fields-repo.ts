import type { Db } from './db.js';
import { nextCounter } from './db.js';
import type { CustomMetadataFieldDef, FieldSchema } from '../../../shared/custom-metadata/types.js';

/**
 * Custom metadata field definitions, in the library's SQLite database. `name` is unique across
 * every field ever created (a deleted name is never reusable); `label` only among active ones,
 * which a partial unique index enforces.
 */
const SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS custom_metadata_fields (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS custom_metadata_fields_active_label
    ON custom_metadata_fields(label) WHERE deleted = 0;`;

export interface StoredField extends CustomMetadataFieldDef {
  deleted: boolean;
}

interface Row {
  id: string;
  name: string;
  label: string;
  deleted: number;
  data: string;
}

const ready = new WeakSet<Db>();

/** Creates the table once per handle; every function here calls it, so callers never need to. */
export function ensureCustomFieldsTable(db: Db): void {
  if (ready.has(db)) return;
  db.exec(SCHEMA_SQL);
  ready.add(db);
}

/** Active (non-deleted) fields in creation order: what values are validated against. */
export function listActiveFields(db: Db): CustomMetadataFieldDef[] {
  return listFields(db, false).map(toDef);
}

export function listFields(db: Db, includeDeleted: boolean): StoredField[] {
  ensureCustomFieldsTable(db);
  const sql = `SELECT id, name, label, deleted, data FROM custom_metadata_fields ${includeDeleted ? '' : 'WHERE deleted = 0'} ORDER BY seq`;
  return (db.prepare(sql).all() as Row[]).map(fromRow);
}

export function getField(db: Db, id: string): StoredField | undefined {
  ensureCustomFieldsTable(db);
  const row = db.prepare('SELECT id, name, label, deleted, data FROM custom_metadata_fields WHERE id = ?').get(id) as Row | undefined;
  return row && fromRow(row);
}

export function nameExists(db: Db, name: string): boolean {
  ensureCustomFieldsTable(db);
  return db.prepare('SELECT 1 FROM custom_metadata_fields WHERE name = ?').get(name) !== undefined;
}

/** True when an active field other than `exceptId` already uses `label`. */
export function activeLabelExists(db: Db, label: string, exceptId?: string): boolean {
  ensureCustomFieldsTable(db);
  return db.prepare('SELECT 1 FROM custom_metadata_fields WHERE label = ? AND deleted = 0 AND id != ?').get(label, exceptId ?? '') !== undefined;
}

export function insertField(db: Db, field: CustomMetadataFieldDef): void {
  ensureCustomFieldsTable(db);
  db.prepare('INSERT INTO custom_metadata_fields (id, name, label, deleted, seq, data) VALUES (?, ?, ?, 0, ?, ?)').run(
    field.id,
    field.name,
    field.label,
    nextCounter(db, 'custom_metadata_fields'),
    serialise(field),
  );
}

export function updateField(db: Db, field: CustomMetadataFieldDef): void {
  ensureCustomFieldsTable(db);
  db.prepare('UPDATE custom_metadata_fields SET label = ?, data = ? WHERE id = ?').run(field.label, serialise(field), field.id);
}

export function markFieldDeleted(db: Db, id: string): void {
  ensureCustomFieldsTable(db);
  db.prepare('UPDATE custom_metadata_fields SET deleted = 1 WHERE id = ?').run(id);
}

/** The API shape (SPEC `CustomMetadataField`): `id, name, label, schema`, then `description` if any. */
export function toDef(field: StoredField | CustomMetadataFieldDef): CustomMetadataFieldDef {
  const def: CustomMetadataFieldDef = { id: field.id, name: field.name, label: field.label, schema: field.schema };
  if (field.description !== undefined) def.description = field.description;
  return def;
}

function serialise(field: CustomMetadataFieldDef): string {
  return JSON.stringify({ schema: field.schema, description: field.description });
}

function fromRow(row: Row): StoredField {
  const data = JSON.parse(row.data) as { schema: FieldSchema; description?: string };
  const field: StoredField = { id: row.id, name: row.name, label: row.label, schema: data.schema, deleted: row.deleted === 1 };
  if (data.description !== undefined) field.description = data.description;
  return field;
}
