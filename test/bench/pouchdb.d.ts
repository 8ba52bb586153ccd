// The few PouchDB calls the peer benchmark makes (the package ships no types).
declare module 'pouchdb' {
  interface Database {
    bulkDocs(docs: object[]): Promise<unknown>;
    replicate: { to(target: string, options?: { batch_size?: number }): Promise<unknown> };
    close(): Promise<void>;
  }
  const PouchDB: new (name: string) => Database;
  export default PouchDB;
}
