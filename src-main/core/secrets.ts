// Secrets the workstation keeps in its store (the session token, the installation key) are sealed by
// the shell: the Electron shell with the operating system's key store (safeStorage: DPAPI on Windows),
// so a copied store file holds no usable credentials. Preview mode, a developer's tool, keeps them plain.
export interface SecretBox {
  seal(plain: string): string;
  /** Reads a sealed value, or a plain one stored before sealing was available; throws if it cannot. */
  open(stored: string): string;
}

export const plainBox: SecretBox = { seal: (plain) => plain, open: (stored) => stored };

/** What a box needs of a key store: Electron's safeStorage has this shape. */
export interface KeyStore {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

const SEALED = 'sealed:';

/** Seals with the key store, or stays plain (and says so) where the system offers none. */
export function keyStoreBox(keys: KeyStore, log: (msg: string) => void): SecretBox {
  if (!keys.isEncryptionAvailable()) {
    log('The system key store is not available: credentials are kept unsealed in the workstation store.');
    return plainBox;
  }
  return {
    seal: (plain) => SEALED + keys.encryptString(plain).toString('base64'),
    open: (stored) => (stored.startsWith(SEALED) ? keys.decryptString(Buffer.from(stored.slice(SEALED.length), 'base64')) : stored),
  };
}
