# skip: helper module
# A module: top-level names are its exports.
let counter = 0
let name = "util"
fn bump() { counter += 1; return counter }
fn get() { return counter }
fn helper(x) { return "helper(${x}) in ${name}" }
fn later() { return defined_later }
let defined_later = "late binding works"
class Box { fn init(v) { self.v = v } }
