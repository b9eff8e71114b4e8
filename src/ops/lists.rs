//! The positional list edits every op is made of, with the one range check and error they share.

use super::OpError;

/// Inserts `value` at `index` (at most the length: appending is allowed).
pub(crate) fn insert_at<T>(list: &mut Vec<T>, index: usize, value: T) -> Result<(), OpError> {
    if index > list.len() {
        return Err(OpError::out_of_range("position", index, list.len()));
    }
    list.insert(index, value);
    Ok(())
}

/// Removes and returns the `what` at `index`.
pub(crate) fn remove_at<T>(list: &mut Vec<T>, index: usize, what: &'static str) -> Result<T, OpError> {
    if index >= list.len() {
        return Err(OpError::out_of_range(what, index, list.len()));
    }
    Ok(list.remove(index))
}

/// The `what` at `index`, mutably.
pub(crate) fn get_mut<'a, T>(
    list: &'a mut [T],
    index: usize,
    what: &'static str,
) -> Result<&'a mut T, OpError> {
    let len = list.len();
    list.get_mut(index).ok_or_else(|| OpError::out_of_range(what, index, len))
}

/// Puts `value` at `index` and returns what was there.
pub(crate) fn replace_at<T>(
    list: &mut [T],
    index: usize,
    value: T,
    what: &'static str,
) -> Result<T, OpError> {
    Ok(std::mem::replace(get_mut(list, index, what)?, value))
}

/// Moves the `what` at `from` = (list, index) to the final position `to`, possibly in another of
/// `owner`'s lists (`list` finds them by number). Checked before anything moves.
pub(crate) fn move_between<S, T>(
    owner: &mut S,
    list: impl for<'a> Fn(&'a mut S, usize) -> Result<&'a mut Vec<T>, OpError>,
    what: &'static str,
    from: (usize, usize),
    to: (usize, usize),
) -> Result<(), OpError> {
    let from_len = list(owner, from.0)?.len();
    if from.1 >= from_len {
        return Err(OpError::out_of_range(what, from.1, from_len));
    }
    let to_len = list(owner, to.0)?.len() - usize::from(from.0 == to.0);
    if to.1 > to_len {
        return Err(OpError::out_of_range("position", to.1, to_len));
    }
    let value = list(owner, from.0)?.remove(from.1);
    list(owner, to.0)?.insert(to.1, value);
    Ok(())
}

/// Moves the element at `from` to the final position `to` within one list.
pub(crate) fn move_within<T>(
    list: &mut Vec<T>,
    from: usize,
    to: usize,
    what: &'static str,
) -> Result<(), OpError> {
    if from >= list.len() || to >= list.len() {
        return Err(OpError::out_of_range(what, from.max(to), list.len()));
    }
    let value = list.remove(from);
    list.insert(to, value);
    Ok(())
}
