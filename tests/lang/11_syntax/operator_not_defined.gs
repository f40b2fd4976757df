# An instance without the operator method keeps the usual error.
class P {}
print(P() + 1)
# expect error: operator_not_defined.gs:3:7: cannot add instance and int
