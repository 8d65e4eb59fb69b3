import type { Schema } from 'conf';

/**
 * The settings file (`settings.json` in the data dir). Secrets are never here: a profile records
 * only where its private key lives (`keyStorage`), the key itself is in the OS keychain.
 */
export interface StoredProfile {
  id: string;
  name: string;
  kind: 'local' | 'imagekit';
  urlEndpoint: string;
  publicKey: string;
  /** 'keychain': saved in the OS keychain; 'none': no key saved (session keys are never written). */
  keyStorage: 'keychain' | 'none';
}

export interface WindowState {
  bounds: { x?: number; y?: number; width: number; height: number } | null;
  maximized: boolean;
}

// A type alias, not an interface: conf's stores take a Record<string, unknown>, which an interface is not.
export type Settings = {
  profiles: StoredProfile[];
  activeProfileId: string | null;
  window: WindowState;
};

/** Version of the settings layout; bump it and add a migration in settings-migrations.ts together. */
export const SETTINGS_VERSION = '2.0.0';

export const settingsDefaults: Settings = {
  profiles: [],
  activeProfileId: null,
  window: { bounds: null, maximized: false },
};

const profileSchema = {
  type: 'object',
  required: ['id', 'name', 'kind', 'urlEndpoint', 'publicKey', 'keyStorage'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100 },
    name: { type: 'string', maxLength: 80 },
    kind: { enum: ['local', 'imagekit'] },
    urlEndpoint: { type: 'string' },
    publicKey: { type: 'string' },
    keyStorage: { enum: ['keychain', 'none'] },
  },
} as const;

/** JSON Schema that conf (ajv) checks on every read and write; a bad value is refused, not stored. */
export const settingsSchema: Schema<Settings> = {
  profiles: { type: 'array', items: profileSchema },
  activeProfileId: { type: ['string', 'null'] },
  window: {
    type: 'object',
    additionalProperties: false,
    required: ['bounds', 'maximized'],
    properties: {
      bounds: {
        oneOf: [
          { type: 'null' },
          {
            type: 'object',
            additionalProperties: false,
            required: ['width', 'height'],
            properties: {
              x: { type: 'integer' },
              y: { type: 'integer' },
              width: { type: 'integer', minimum: 200, maximum: 20000 },
              height: { type: 'integer', minimum: 150, maximum: 20000 },
            },
          },
        ],
      },
      maximized: { type: 'boolean' },
    },
  },
};
