# Sourced by the other scripts: tool paths and quiet, offline-safe defaults.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROMIUM=/usr/bin/chromium
# The Chromium 90 tier (scripts/setup.sh unpacks it).
export CHROMIUM90="$PWD/target/chromium90/chromium"
# chromedriver leaves browser profiles in TMPDIR: keep them under target/.
mkdir -p "$PWD/target/tmp"
export TMPDIR="$PWD/target/tmp"

# The release wasm must run on Chromium 90 (信创 browsers). The precompiled std has
# reference types on (Rust ≥ 1.82), so std is rebuilt from rust-src with only the
# features Chromium 90 has; RUSTC_BOOTSTRAP lets the pinned stable cargo do that.
# scripts/build.sh applies these to the release build only; see ARCHITECTURE.md.
baseline_env() {
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # A panic stops the program at once (a trap) instead of formatting a message
  # nobody sees: measured 13 KB brotli smaller (README, Performance).
  # erase_components: Leptos builds each component's view as one type-erased
  # view instead of a distinct generic type per component (measured 22 KB brotli
  # smaller, README, Performance).
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Ctarget-cpu=mvp -Ctarget-feature=+mutable-globals,+sign-ext,+nontrapping-fptoint,+bulk-memory,+multivalue -Zunstable-options -Cpanic=immediate-abort --cfg erase_components"
}
