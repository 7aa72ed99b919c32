/* EntryMain.c - the C `main` of every Roast program; it only hands over to roast_rt_main. */
#include "Roast/Runtime/Runtime.h"

/* Defined by the compiled module.  This file is its own object in the
 * archive, so executables that define their own main (like the runtime's
 * unit tests) never pull it in and need no roast_module_init. */
extern void roast_module_init(void);

int main(int argc, char **argv) { return roast_rt_main(argc, argv, roast_module_init); }
