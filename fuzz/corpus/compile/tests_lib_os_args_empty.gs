# Without arguments os.args is an empty list.
print(os.args)
# expect: []
