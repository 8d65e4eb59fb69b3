/**
 * The embedded Local library: the project's ImageKit emulator, started on a random loopback port
 * with its data in the app's data dir. How it is started is the host's business (in-process in
 * the web host, an Electron utilityProcess in the app); the services only need this handle.
 */
export interface LocalLibraryHandle {
  apiUrl: string;
  urlEndpoint: string;
  publicKey: string;
  privateKey: string;
  close(): Promise<void>;
}

export type StartLocalLibrary = (options: { dataDir: string }) => Promise<LocalLibraryHandle>;

export const LOCAL_PROFILE_ID = 'local';
export const LOCAL_PROFILE_NAME = 'Local library';
