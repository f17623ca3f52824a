"""What search lends the pages of the apps below it (exchange/provided.py)."""

from wagtail import hooks

from . import city_profiles, similar_practices


@hooks.register("exchange_public_city_profiles")
def public_city_profiles():
    return city_profiles.public_city_profiles()


@hooks.register("exchange_city_facet_terms")
def city_facet_terms(cities):
    return city_profiles.city_facet_terms(cities)


@hooks.register("exchange_similar_practices")
def similar_to(practice, themes, tags):
    return similar_practices.similar_practices(practice, themes, tags)
