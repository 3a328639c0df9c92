// The 汇总 workspace's store: IndexedDB, since localStorage is too small for
// hundreds of reports. Loaded on first use of the workspace (src/collect/store.rs).
// Each record: { id, file, json, added }. Every call returns a Promise; a
// failure rejects with the DOMException's name, which the app says in Chinese.
const DB = 'nianbao-collect';
const STORE = 'units';

function open() {
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = indexedDB.open(DB, 1);
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

function run(mode, work) {
  return open().then(
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

export const putUnits = (units) =>
  run('readwrite', (store) => {
    for (const u of units) store.put(u);
  });
export const allUnits = () => run('readonly', (store) => store.getAll());
export const deleteUnits = (ids) =>
  run('readwrite', (store) => {
    for (const id of ids) store.delete(id);
  });
