/* test_api_getter.c — computed fields of userdata: a GS_GETTER entry of
 * gs_register_class runs when script reads ud.name (and gs_get_field). */
#include <stdint.h>
#include "tap.h"

typedef struct { double w, h; } Rect;

static void rect_new(gs_vm *vm, int argc) {
  gs_ensure_slots(vm, argc + 1);
  Rect *r = gs_new_userdata(vm, argc, "rect", sizeof(Rect), NULL);
  r->w = gs_get_float(vm, 0);
  r->h = gs_get_float(vm, 1);
  gs_return_slot(vm, argc);
}
static void rect_area(gs_vm *vm, int argc) {
  (void)argc;
  Rect *r = gs_get_userdata(vm, 0, "rect");
  gs_return_float(vm, r->w * r->h);
}
/* a getter that runs script (and so may yield or collect) */
static void rect_label(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 3);
  gs_get_global(vm, "label_of", 1);
  gs_copy(vm, 0, 2);
  if (gs_call(vm, 1, 1) != GS_OK) gs_raise(vm, 1);
  gs_return_slot(vm, 1);
}
static void rect_scale(gs_vm *vm, int argc) {
  (void)argc;
  Rect *r = gs_get_userdata(vm, 0, "rect");
  double k = gs_get_float(vm, 1);
  r->w *= k;
  r->h *= k;
}
static const gs_reg rect_methods[] = {
  {"area", rect_area, GS_GETTER, "rect.area\nw * h."},
  {"label", rect_label, GS_GETTER, "rect.label\nlabel_of(self)."},
  {"scale", rect_scale, 1, "rect.scale(k)\nScale both sides by k."},
  {NULL, NULL, 0, NULL},
};

static int run_c(gs_vm *vm, Capture *c, const char *src) {
  cap_reset(c);
  return gs_run_string(vm, "t.gs", src, strlen(src));
}

int main(void) {
  Capture c;
  gs_vm *vm = new_captured_vm(&c);
  gs_register(vm, "rect", rect_new, 2);
  gs_register_class(vm, "rect", rect_methods);
  CHECK(run_c(vm, &c, "let r = rect(2, 3); print(r.area); r.scale(2); print(r.area, r.area())") == GS_OK &&
        strcmp(c.out, "6.0\n24.0 24.0\n") == 0, "reading ud.name runs a GS_GETTER entry: %s%s", c.out, gs_error_message(vm));
  CHECK(run_c(vm, &c, "rect(1, 1).area(5)") == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "area() expects 0 arguments, got 1"),
        "called with arguments it raises: %s", gs_error_message(vm));
  CHECK(run_c(vm, &c, "fn label_of(x) { yield; return \"rect of ${x.area}\" }\n"
                      "let f = spawn print(rect(1, 2).label)\nprint(\"first\")\nf.join()") == GS_OK &&
        strcmp(c.out, "first\nrect of 2.0\n") == 0, "a getter may run script that yields: %s%s", c.out, gs_error_message(vm));
  CHECK(run_c(vm, &c, "let h = help(rect(1, 1))") == GS_OK && strstr(c.out, "rect.area") != NULL, "help lists it: %s", c.out);
  gs_ensure_slots(vm, 3);
  gs_get_global(vm, "r", 0);
  gs_get_field(vm, 0, "area", 1);
  CHECK(gs_get_type(vm, 1) == GS_FLOAT && gs_get_float(vm, 1) == 24.0, "gs_get_field reads it too");
  gs_free(vm);
  return tap_done();
}
