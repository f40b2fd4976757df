#!/usr/bin/env gs
# The smallest GreenScript program, plus a taste of the rest.
print("Hello, GreenScript!")

let name = "world"
print("hello, ${name}: ${1 + 2} fibers are cheap")

# expect: Hello, GreenScript!
# expect: hello, world: 3 fibers are cheap
