#ifndef CLINEARALGEBRA_SHIM_H
#define CLINEARALGEBRA_SHIM_H
/* System BLAS (netlib or OpenBLAS, chosen by Debian alternatives) and netlib LAPACKE. */
#include <cblas.h>
#include <lapacke.h>
#endif
