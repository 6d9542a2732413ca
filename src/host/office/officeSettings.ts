// Values the add-in keeps inside the workbook: Office.context.document.settings (saved with the
// document, so they survive close and reopen). Wrapped so tests can give an in-memory store.

export interface DocumentStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Persists the values in the document. */
  save(): Promise<void>;
}

/** Keys of the values this project keeps in the document. */
export const SETTINGS_KEY = "CCHC_SETTINGS";
export const HIGHLIGHTS_KEY = "CCHC_HIGHLIGHTS";

/** The store over Office.context.document.settings (Common API, any Office host). */
export function officeDocumentStore(): DocumentStore {
  const settings = Office.context.document.settings;
  return {
    get: (key) => settings.get(key) ?? null,
    set: (key, value) => settings.set(key, value),
    save: () =>
      new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new Error(result.error?.message ?? "saveAsync failed"));
        });
      }),
  };
}

/** An in-memory store (tests, and a host without document settings). */
export function memoryStore(initial: Record<string, unknown> = {}): DocumentStore & { saved: number; data: Record<string, unknown> } {
  const data: Record<string, unknown> = JSON.parse(JSON.stringify(initial));
  const store = {
    data,
    saved: 0,
    get: (key: string) => (key in data ? JSON.parse(JSON.stringify(data[key])) : null),
    set: (key: string, value: unknown) => {
      data[key] = JSON.parse(JSON.stringify(value));
    },
    save: async () => {
      store.saved++;
    },
  };
  return store;
}
