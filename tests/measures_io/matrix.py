"""Import and export of measures in the role × URL matrix (see tests/test_url_matrix.py).

Import needs measures.import_measures (network admin, coach, coordinator, editor); export needs
measures.export_measures (those and the viewer). A POST to the confirmation without a previewed upload
redirects back to the upload page.
"""

from tests.matrix_support import EDIT, READ, Entry, town

ENTRIES = {
    "measures:import": Entry("municipality", EDIT, town),
    "measures:import_confirm": Entry("municipality", EDIT, town, method="post"),
    "measures:export_xlsx": Entry("municipality", READ, town),
    "measures:export_csv": Entry("municipality", READ, town),
}
