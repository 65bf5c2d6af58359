#ifndef CGLPK_SHIM_H
#define CGLPK_SHIM_H
/* GLPK, the GNU Linear Programming Kit (Debian: libglpk-dev), for the linear surrogate of
   vigie amend (Sources/LinearProgramming). Debian ships no glpk.pc: the header is in
   /usr/include and the library in the default search path. */
#include <glpk.h>
#endif
