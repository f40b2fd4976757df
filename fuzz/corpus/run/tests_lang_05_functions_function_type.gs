# Functions, lambdas and builtins all have type "function".
fn f() {}
print(type(f), type(fn() => 1), type(print), type(len))
# expect: function function function function
