# An operator method with the wrong number of parameters is a compile error.
class P { fn +(a, b) { return 0 } }
# expect no output
# expect error: operator_wrong_arity.gs:2:14: operator method '+' takes 1 parameter
