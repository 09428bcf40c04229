from django.urls import path

from . import views

app_name = "incentives"

urlpatterns = [
    path("", views.estimator, name="estimator"),
    path("guide/", views.guide, name="guide"),
    path("checklist/", views.checklist, name="checklist"),
]
