// libpq, PostgreSQL's C client library (Debian: libpq-dev), for the push-down audit
// (Sources/PostgresSource). Found through pkg-config (-I/usr/include/postgresql).
#include <libpq-fe.h>
