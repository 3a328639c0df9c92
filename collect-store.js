// The 汇总 workspace's store: IndexedDB, since localStorage is too small for
// hundreds of reports. Loaded on first use of the workspace (src/collect/store.rs).
// One database per storage namespace, as the drafts are kept per namespace
// (the default namespace keeps the database name it always had).
// Each record: { v, id, file, json, added, yearFound } (collect::StoredUnit); the id is the digest of the
// report, so two windows adding the same report write one record. Every call
// returns a Promise; a failure rejects with the DOMException's name, which the
// app says in Chinese.
const STORE = 'units';

const dbName = (ns) => (ns === 'nianbao' ? 'nianbao-collect' : `nianbao-collect:${ns}`);

function open(ns) {
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = indexedDB.open(dbName(ns), 1);
    } catch (e) {
      reject(e.name || 'UnknownError');
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ? request.error.name : 'UnknownError');
    request.onblocked = () => reject('BlockedError');
  });
}

function run(ns, mode, work) {
  return open(ns).then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const result = work(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(result ? result.result : undefined);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ? tx.error.name : 'AbortError');
        };
      }),
  );
}

export const putUnits = (ns, units) =>
  run(ns, 'readwrite', (store) => {
    for (const u of units) store.put(u);
  });
export const allUnits = (ns) => run(ns, 'readonly', (store) => store.getAll());
export const deleteUnits = (ns, ids) =>
  run(ns, 'readwrite', (store) => {
    for (const id of ids) store.delete(id);
  });
