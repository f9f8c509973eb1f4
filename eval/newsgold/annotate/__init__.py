"""The annotation workflow on a Label Studio server.

``config`` (labeling config from the schema), ``convert`` (gold <-> Label Studio results),
``push`` / ``pull`` (over the SDK), ``agreement`` and ``adjudicate`` (several annotators),
``server`` (a local server for annotators and tests), ``cli`` (the commands).
"""
