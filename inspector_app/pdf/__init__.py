"""The PDF record: report data (model), styles, flowables and the page template, then rendering.

The only place that imports reportlab and qrcode. Input is the canonical record; output is bytes.
"""
