# os.exit inside a generator fiber.
let g = fiber(fn() { print("in gen"); os.exit(5) })
g.resume()
# expect: in gen
# expect exit: 5
