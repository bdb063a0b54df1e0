"""AL: recorded deviations (`allow CODE [on ID] "reason"`)."""

from __future__ import annotations

from plandsl.core.i18n import _
from plandsl.core.diagnostics import Severity
from plandsl.language.snippets import snippet
from plandsl.rules.base import RULES, Rule, register
from plandsl.core.suggest import did_you_mean


@register
class AllowWithoutReason(Rule):
    """A deviation is recorded without a reason.

    Anti-pattern: `allow AM001` with no text, silencing a weaker target with no
    justification a reviewer can read.

    Best practice: every deviation states why, e.g.
    `allow AM001 on trained "Huyện miền núi, thiếu cán bộ có trình độ"`.
    """

    code = "AL001"
    name = "deviation.no-reason"
    severity = Severity.ERROR

    def check_allows(self, plan, used, ctx):
        for allow in plan.allows:
            if not allow.reason or not allow.reason.strip():
                yield self.diag(allow.span, _("the deviation from {code} has no reason").format(code=allow.code),
                                _("Add the reason: {fix}").format(fix=snippet(
                                    'allow {code} on {id} "<reason>"' if allow.on else 'allow {code} "<reason>"',
                                    plan.lang, code=allow.code, id=allow.on)))


@register
class UnusedAllow(Rule):
    """A recorded deviation suppresses nothing.

    Anti-pattern: an `allow` left behind after the target was fixed, which would
    silently hide a future regression.

    Best practice: remove deviations that no longer apply.
    """

    code = "AL002"
    name = "deviation.unused"
    severity = Severity.WARNING

    def check_allows(self, plan, used, ctx):
        for allow in plan.allows:
            if allow.reason and allow.code in RULES and id(allow) not in used:
                message = (_("nothing to allow: no {code} finding on '{id}' in this plan") if allow.on
                           else _("nothing to allow: no {code} finding in this plan"))
                yield self.diag(allow.span, message.format(code=allow.code, id=allow.on),
                                _("Remove this {keyword} line.").format(keyword=snippet("`allow`", plan.lang)))


@register
class AllowUnknownRule(Rule):
    """A deviation names a rule code that does not exist.

    Anti-pattern: `allow AM01 "..."`, a typo that suppresses nothing.

    Best practice: use a code listed by `plandsl rules`.
    """

    code = "AL003"
    name = "deviation.unknown-rule"
    severity = Severity.ERROR

    def check_allows(self, plan, used, ctx):
        for allow in plan.allows:
            if allow.code not in RULES:
                yield self.diag(allow.span, _("unknown rule code '{code}'").format(code=allow.code),
                                did_you_mean(allow.code, RULES) or _("Run `plandsl rules` to list the codes."))
