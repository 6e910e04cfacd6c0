/*
 * Fuzz target: the frab/pretalx schedule.xml importer, through
 * programme_load() with INPUT_SCHEDULE_XML (pdfgen --from schedule-xml).
 */
#define FUZZ_FORMAT INPUT_SCHEDULE_XML
#include "fuzz_programme.c"
