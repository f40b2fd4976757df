# os.args lists the script's arguments (not the interpreter or script path).
print(os.args, type(os.args), len(os.args))
print(os.args[0], os.args[-1])
# args: one two 3
# expect: ["one", "two", "3"] list 3
# expect: one 3
