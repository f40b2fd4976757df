# os.args can be read anywhere, including functions, fibers and other modules.
fn first() { return os.args[0] }
let f = spawn fn() { return len(os.args) }()
print(first(), f.join())
# args: x y
# expect: x 2
