"""The territories of the Hérault: its communes and EPCI, by their official codes (INSEE's COG for a
commune, the SIREN of an EPCI). Loaded by `manage.py load_territories` from directory/data/."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import fold


class EPCI(models.Model):
    """An établissement public de coopération intercommunale (métropole, communauté d'agglomération,
    communauté de communes)."""

    code = models.CharField(_("Code SIREN"), max_length=9, primary_key=True)
    name = models.CharField(_("Nom"), max_length=150)
    nature = models.CharField(_("Nature"), max_length=10, blank=True)
    search_name = models.CharField(max_length=150, editable=False, db_index=True)

    class Meta:
        verbose_name = _("Intercommunalité (EPCI)")
        verbose_name_plural = _("Intercommunalités (EPCI)")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = territory_key(self.name)
        super().save(*args, **kwargs)


class Commune(models.Model):
    code = models.CharField(_("Code INSEE"), max_length=5, primary_key=True)
    name = models.CharField(_("Nom"), max_length=150)
    postal_codes = models.CharField(
        _("Codes postaux"), max_length=100, help_text=_("Séparés par des espaces.")
    )
    epci = models.ForeignKey(
        EPCI,
        verbose_name=_("Intercommunalité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="communes",
    )
    population = models.PositiveIntegerField(_("Population"), null=True, blank=True)
    latitude = models.FloatField(_("Latitude"))
    longitude = models.FloatField(_("Longitude"))
    former_names = models.CharField(
        _("Anciennes communes"),
        max_length=300,
        blank=True,
        help_text=_("Communes fusionnées dans celle-ci, que l'on cherche encore sous leur nom."),
    )
    search_name = models.CharField(max_length=300, editable=False, db_index=True)

    class Meta:
        verbose_name = _("Commune")
        verbose_name_plural = _("Communes")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = " | ".join(
            territory_key(name) for name in [self.name, *self.former_names.split("|")] if name
        )
        super().save(*args, **kwargs)

    @property
    def postal_code_list(self):
        return self.postal_codes.split()

    @property
    def label(self):
        """ "Lunel (34400)": the name a visitor recognises, with the postal code that tells apart
        namesakes."""
        return f"{self.name} ({', '.join(self.postal_code_list)})"


def territory_key(name: str) -> str:
    """A name as a visitor may type it: lower case, no accents, hyphens and apostrophes as spaces,
    "St"/"Ste" as "saint"/"sainte": "Saint-Jean-de-Védas", "st jean de vedas" give the same key."""
    words = fold(name.replace("-", " ").replace("'", " ").replace("’", " ")).split()
    expanded = {"st": "saint", "ste": "sainte"}
    return " ".join(expanded.get(word, word) for word in words)
