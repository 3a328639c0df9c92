//! Validates a wasm file against the WebAssembly features of Chromium 90 (奇安信可信浏览器;
//! the UOS browser is Chromium 93, a superset here): the 1.0 spec (MVP + mutable globals)
//! plus sign extension, non-trapping float-to-int, bulk memory and multi-value.
//! Anything else — reference types above all, also SIMD, tail calls, exceptions, GC —
//! makes the module fail to compile there, so it fails here.
//!
//! Usage: `wasm-baseline FILE.wasm...`; exit status 1 names the first offending construct.

use std::process::ExitCode;

use wasmparser::{Validator, WasmFeatures};

/// What V8 in Chromium 90 compiles (chromestatus: sign-ext 74, sat-float-to-int 75,
/// bulk memory 75, multi-value 85; reference types only from 96, SIMD from 91).
pub const CHROMIUM_90: WasmFeatures = WasmFeatures::WASM1
    .union(WasmFeatures::SIGN_EXTENSION)
    .union(WasmFeatures::SATURATING_FLOAT_TO_INT)
    .union(WasmFeatures::BULK_MEMORY)
    .union(WasmFeatures::MULTI_VALUE);

/// Validates `bytes` with only the Chromium 90 feature set enabled.
pub fn check(bytes: &[u8]) -> Result<(), String> {
    Validator::new_with_features(CHROMIUM_90)
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: wasm-baseline FILE.wasm...");
        return ExitCode::from(2);
    }
    let mut ok = true;
    for file in &files {
        match std::fs::read(file) {
            Err(e) => {
                eprintln!("{file}: cannot read: {e}");
                ok = false;
            }
            Ok(bytes) => match check(&bytes) {
                Ok(()) => println!(
                    "{file}: {} bytes, valid with only the Chromium 90 wasm features \
                     (1.0 + sign-ext, sat-float-to-int, bulk memory, multi-value)",
                    bytes.len()
                ),
                Err(e) => {
                    eprintln!("{file}: uses a WebAssembly feature Chromium 90 lacks: {e}");
                    ok = false;
                }
            },
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    const HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

    /// A module of `HEADER` followed by the given sections (id, payload).
    fn module(sections: &[(u8, &[u8])]) -> Vec<u8> {
        let mut out = HEADER.to_vec();
        for (id, payload) in sections {
            out.push(*id);
            out.push(u8::try_from(payload.len()).unwrap());
            out.extend_from_slice(payload);
        }
        out
    }

    /// One function of type () -> () whose body is `code` (without the final `end`).
    fn with_body(code: &[u8], memory: bool) -> Vec<u8> {
        let mut body = vec![0x00]; // no locals
        body.extend_from_slice(code);
        body.push(0x0b);
        let mut code_section = vec![0x01, u8::try_from(body.len()).unwrap()];
        code_section.extend_from_slice(&body);
        let types: &[u8] = &[0x01, 0x60, 0x00, 0x00];
        let funcs: &[u8] = &[0x01, 0x00];
        let mem: &[u8] = &[0x01, 0x00, 0x01];
        let mut sections: Vec<(u8, &[u8])> = vec![(1, types), (3, funcs)];
        if memory {
            sections.push((5, mem));
        }
        sections.push((10, &code_section));
        module(&sections)
    }

    #[test]
    fn accepts_the_features_chromium_90_has() {
        // i32.const 1; i32.extend8_s; drop — sign extension.
        assert_eq!(check(&with_body(&[0x41, 0x01, 0xc0, 0x1a], false)), Ok(()));
        // f32.const 0; i32.trunc_sat_f32_s; drop — non-trapping float-to-int.
        let sat = [0x43, 0, 0, 0, 0, 0xfc, 0x00, 0x1a];
        assert_eq!(check(&with_body(&sat, false)), Ok(()));
        // memory.copy of 0 bytes — bulk memory.
        let copy = [0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 0x0a, 0x00, 0x00];
        assert_eq!(check(&with_body(&copy, true)), Ok(()));
    }

    #[test]
    fn refuses_an_externref_table() {
        // The table wasm-bindgen emits when reference types are on.
        let bytes = module(&[(4, &[0x01, 0x6f, 0x00, 0x00])]);
        let err = check(&bytes).unwrap_err();
        assert!(err.contains("reference types"), "{err}");
    }

    #[test]
    fn refuses_simd_and_tail_calls() {
        // v128.const 0; drop.
        let mut simd = vec![0xfd, 0x0c];
        simd.extend_from_slice(&[0; 16]);
        simd.push(0x1a);
        let err = check(&with_body(&simd, false)).unwrap_err();
        assert!(err.contains("SIMD"), "{err}");
        // return_call 0 — a tail call to itself.
        let err = check(&with_body(&[0x12, 0x00], false)).unwrap_err();
        assert!(err.contains("tail call"), "{err}");
    }
}
