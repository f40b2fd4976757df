# 'self' outside a method is an error.
print(self)
# expect error: self_outside_method.gs:2:
