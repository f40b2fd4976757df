# os.pid() (extra) is the process id, a positive int.
print(type(os.pid()), os.pid() > 0, os.pid() == os.pid())
# expect: int true true
