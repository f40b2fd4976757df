# The type of a catch clause may be any expression naming a class, like a field.
class Errors {}
class NotFound : Error {}
let kinds = {"nf": NotFound}
try { throw NotFound("gone") } catch e is kinds["nf"] { print("nf", e.message) }
# expect: nf gone
