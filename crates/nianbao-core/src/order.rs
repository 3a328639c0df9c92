//! One stable sort for every list the editor orders. The standard library's
//! sorts are generic over the element and the comparison, so each list type
//! sorted in the page's first load brought its own copy of the algorithm
//! (≈ 3 KB of wasm each); here the algorithm is instantiated once, on
//! `(key, index)` pairs, and each list only pays for moving its elements.

/// Sorts `v` by `key`, ascending; equal keys keep their order (stable).
pub fn sort_by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let order = ranks(v.iter().map(key).collect());
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The indices of `keys` in ascending order, ties in their given order.
fn ranks(keys: Vec<u64>) -> Vec<usize> {
    let mut pairs: Vec<(u64, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
    // Unstable on distinct (key, index) pairs is stable on the keys.
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, i)| i).collect()
}

/// A key that orders `f64`s as `f64::total_cmp` does.
pub fn f64_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The same order as the standard library's stable sort, for any list.
        #[test]
        fn same_as_std(v in proptest::collection::vec((0u64..20, any::<u32>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn f64_keys_order_as_total_cmp(a in any::<f64>(), b in any::<f64>()) {
            prop_assert_eq!(f64_key(a).cmp(&f64_key(b)), a.total_cmp(&b));
        }
    }
}
