"""Reading input: event.yaml, attendee tables and the files they name → the typed model.

In: paths to files. Out: a frozen ``model.event.Event`` and located warnings; every
problem is an ``InputError`` naming file, line, column and field.
"""
