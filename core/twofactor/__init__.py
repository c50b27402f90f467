"""Two-factor authentication with django-otp: a TOTP application plus single-use recovery codes.

`policy` says who must use it and whether a session is verified; `devices` enrols, confirms and
removes a person's devices; `forms` checks a code (throttled by django-otp); `views` are the
enrolment, verification and management pages, parametrised by template and URLs so that another
space (the members' space) can serve them in its own look; `middleware` refuses the admins'
views to unverified sessions of people who have a device or must have one.
"""
